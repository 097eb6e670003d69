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

import math

import trl_launch


def arguments():
    parser = trl_launch.parser(
        __doc__, "sft.jsonl", "held-out rows in the same format, evaluated after each epoch")
    parser.add_argument("--max-length", type=int, default=4096, help="tokens per example (prompt and completion)")
    parser.add_argument("--batch-size", type=int, default=32, help="examples per optimizer step, over all processes")
    parser.add_argument("--per-device-batch-size", type=int, default=4, help="examples per process per forward pass")
    parser.add_argument("--learning-rate", type=float, default=1e-5)
    return parser.parse_known_args()


def main():
    args, extra = arguments()
    processes = trl_launch.processes()
    accumulation = max(1, math.ceil(args.batch_size / (args.per_device_batch_size * processes)))

    from trl import SFTConfig, SFTTrainer

    config = trl_launch.config(SFTConfig, args, extra, [
        "--max_length", str(args.max_length),
        "--per_device_train_batch_size", str(args.per_device_batch_size),
        "--per_device_eval_batch_size", str(args.per_device_batch_size),
        "--gradient_accumulation_steps", str(accumulation),
    ])
    train, test = trl_launch.datasets(args)
    trainer = SFTTrainer(model=args.model, args=config, train_dataset=train, eval_dataset=test)
    trl_launch.train(trainer, config)


if __name__ == "__main__":
    main()
