"""What trl-grpo.py and trl-sft.py share: their common arguments, the TRL config built from them, and
the data files read as datasets. Chorus writes it next to them; they import it from there."""

import argparse
import os


def parser(doc, train_help, test_help):
    """An argument parser with the arguments every TRL script takes; the script adds its own."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--model", required=True, help="Hugging Face id or local folder of the model to train")
    parser.add_argument("--train-file", required=True, help=train_help)
    parser.add_argument("--test-file", default="", help=test_help)
    parser.add_argument("--output-dir", required=True, help="checkpoints and the trained model")
    parser.add_argument("--epochs", type=float, default=1.0)
    return parser


def processes():
    """How many processes accelerate started (1 when run on its own)."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def config(config_class, args, extra, flags):
    """`config_class` (GRPOConfig, SFTConfig) from the script's `flags`, the shared ones and then the
    caller's `extra` arguments, so the last value of a flag wins."""
    from transformers import HfArgumentParser

    flags = ["--output_dir", args.output_dir] + flags + [
        "--learning_rate", str(args.learning_rate),
        "--num_train_epochs", str(args.epochs),
        "--logging_steps", "1",
        "--report_to", "none",
    ]
    if args.test_file:
        flags += ["--eval_strategy", "epoch"]
    (parsed,) = HfArgumentParser(config_class).parse_args_into_dataclasses(args=flags + extra)
    return parsed


def datasets(args):
    """The train file, and the test file when there is one (else None), as datasets."""
    from datasets import load_dataset

    files = {"train": args.train_file}
    if args.test_file:
        files["test"] = args.test_file
    data = load_dataset("json", data_files=files)
    return data["train"], data["test"] if args.test_file else None


def train(trainer, config):
    """Trains, then saves the model in the config's output folder."""
    trainer.train()
    trainer.save_model(config.output_dir)
