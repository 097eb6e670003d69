#!/usr/bin/env python3
"""Supervised fine-tuning with TRL on sft.jsonl, the refinement (GSR) examples Chorus exported.

Each row holds `prompt` (chat messages) and `completion` (one assistant message), TRL's
conversational prompt-completion format: the loss counts the completion tokens only.
Examples longer than --max-length tokens are cut.

Run it with trl-sft.sh, or on its own:
  accelerate launch --num_processes 1 trl-sft.py --model M --train-file sft.jsonl --output-dir out
Further arguments go to SFTConfig under TRL's own names, after the ones this script sets, so the
last value of a flag wins: --gradient_checkpointing false, --packing true, ...
Written against TRL 1.x (SFTTrainer, SFTConfig; docs: huggingface.co/docs/trl/sft_trainer).
"""

import argparse
import math
import os


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--model", required=True, help="Hugging Face id or local folder of the model to train")
    parser.add_argument("--train-file", required=True, help="sft.jsonl")
    parser.add_argument("--test-file", default="", help="held-out rows in the same format, evaluated after each epoch")
    parser.add_argument("--max-length", type=int, default=4096, help="tokens per example (prompt and completion)")
    parser.add_argument("--batch-size", type=int, default=32, help="examples per optimizer step, over all processes")
    parser.add_argument("--per-device-batch-size", type=int, default=4, help="examples per process per forward pass")
    parser.add_argument("--learning-rate", type=float, default=1e-5)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--output-dir", required=True, help="checkpoints and the trained model")
    return parser.parse_known_args()


def main():
    args, extra = arguments()
    processes = int(os.environ.get("WORLD_SIZE", "1"))
    accumulation = max(1, math.ceil(args.batch_size / (args.per_device_batch_size * processes)))

    from datasets import load_dataset
    from transformers import HfArgumentParser
    from trl import SFTConfig, SFTTrainer

    flags = [
        "--output_dir", args.output_dir,
        "--max_length", str(args.max_length),
        "--per_device_train_batch_size", str(args.per_device_batch_size),
        "--per_device_eval_batch_size", str(args.per_device_batch_size),
        "--gradient_accumulation_steps", str(accumulation),
        "--learning_rate", str(args.learning_rate),
        "--num_train_epochs", str(args.epochs),
        "--logging_steps", "1",
        "--report_to", "none",
    ]
    if args.test_file:
        flags += ["--eval_strategy", "epoch"]
    (config,) = HfArgumentParser(SFTConfig).parse_args_into_dataclasses(args=flags + extra)

    files = {"train": args.train_file}
    if args.test_file:
        files["test"] = args.test_file
    data = load_dataset("json", data_files=files)

    trainer = SFTTrainer(
        model=args.model,
        args=config,
        train_dataset=data["train"],
        eval_dataset=data["test"] if args.test_file else None,
    )
    trainer.train()
    trainer.save_model(config.output_dir)


if __name__ == "__main__":
    main()
