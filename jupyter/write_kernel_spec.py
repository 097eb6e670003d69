"""Writes the Chorus kernel spec (kernel.json and its logo-free folder) for `jupyter kernelspec install`.

    python write_kernel_spec.py FOLDER PYTHON PACKAGE_PARENT CHORUS_BINARY

The spec runs PYTHON -m chorus_kernel with PACKAGE_PARENT on PYTHONPATH; CHORUS_KERNEL_BIN is the
binary the kernel uses when CHORUS_BIN is not set where Jupyter starts it.
"""

import json
import os
import sys


def kernel_spec(python, package_parent, binary):
    """The kernel.json contents."""
    return {
        "argv": [python, "-m", "chorus_kernel", "-f", "{connection_file}"],
        "display_name": "Chorus",
        "language": "chorus",
        "interrupt_mode": "message",
        "env": {"PYTHONPATH": package_parent, "CHORUS_KERNEL_BIN": binary},
        "metadata": {"debugger": False},
    }


def main(arguments):
    if len(arguments) != 4:
        sys.exit("usage: write_kernel_spec.py FOLDER PYTHON PACKAGE_PARENT CHORUS_BINARY")
    folder, python, package_parent, binary = arguments
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "kernel.json"), "w", encoding="utf-8") as file:
        json.dump(kernel_spec(python, package_parent, binary), file, indent=2)
        file.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
