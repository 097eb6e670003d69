"""`python -m chorus_kernel -f CONNECTION_FILE`: what the kernel spec runs."""

from ipykernel.kernelapp import IPKernelApp

from .kernel import ChorusKernel

IPKernelApp.launch_instance(kernel_class=ChorusKernel)
