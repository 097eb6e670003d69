#!/usr/bin/env python3
"""GRPO with TRL on the data Chorus exported: train.jsonl, test.jsonl and chorus_reward.py.

Each row holds `prompt` (chat messages) and `ground_truth` (plus `reward_preset` and `answer_format`);
TRL passes those columns to reward_func(completions, ground_truth, **kwargs) from the reward file.
Prompts longer than --max-prompt-length tokens (after the chat template) are left out, since
GRPOConfig no longer cuts prompts (TRL dropped max_prompt_length).

Run it with trl-grpo.sh, or on its own:
  accelerate launch --num_processes 1 trl-grpo.py --model M --train-file train.jsonl \
      --reward-file chorus_reward.py --output-dir out
Further arguments go to GRPOConfig under TRL's own names, after the ones this script sets, so the
last value of a flag wins: --beta 0.04, --use_vllm true, --gradient_accumulation_steps 2, ...
Written against TRL 1.x (GRPOTrainer, GRPOConfig; docs: huggingface.co/docs/trl/grpo_trainer).
"""

import importlib.util
import sys

import trl_launch


def arguments():
    parser = trl_launch.parser(__doc__, "train.jsonl", "test.jsonl, evaluated after each epoch (optional)")
    parser.add_argument("--reward-file", required=True, help="chorus_reward.py")
    parser.add_argument("--reward-function", default="reward_func", help="name of the function in --reward-file")
    parser.add_argument("--num-generations", type=int, default=8, help="completions sampled per prompt")
    parser.add_argument("--max-prompt-length", type=int, default=1024, help="tokens; longer prompts are left out")
    parser.add_argument("--max-completion-length", type=int, default=1024, help="tokens per completion")
    parser.add_argument("--batch-size", type=int, default=64, help="prompts per optimizer step, over all processes")
    parser.add_argument(
        "--per-device-batch-size", type=int, default=0,
        help="completions per process per forward pass (default: --num-generations)")
    parser.add_argument("--learning-rate", type=float, default=1e-6)
    return parser.parse_known_args()


def load_reward_function(path, name):
    spec = importlib.util.spec_from_file_location("chorus_reward", path)
    if spec is None or spec.loader is None:
        sys.exit(f"trl-grpo: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        return getattr(module, name)
    except AttributeError:
        sys.exit(f"trl-grpo: {path} has no function {name}")


def without_long_prompts(dataset, tokenizer, limit, name):
    """The rows whose prompt, in the chat template, fits in `limit` tokens."""

    def fits(row):
        text = tokenizer.apply_chat_template(row["prompt"], tokenize=False, add_generation_prompt=True)
        return len(tokenizer(text, add_special_tokens=False)["input_ids"]) <= limit

    kept = dataset.filter(fits)
    if len(kept) < len(dataset):
        print(f"trl-grpo: left out {len(dataset) - len(kept)} of {len(dataset)} prompts of {name} "
              f"longer than {limit} tokens", file=sys.stderr)
    if len(kept) == 0:
        sys.exit(f"trl-grpo: no prompt of {name} fits in {limit} tokens")
    return kept


def main():
    args, extra = arguments()
    processes = trl_launch.processes()
    per_device = args.per_device_batch_size or args.num_generations
    completions = args.batch_size * args.num_generations
    if completions % (per_device * processes) != 0:
        sys.exit(f"trl-grpo: --batch-size × --num-generations ({completions}) must be divisible by "
                 f"--per-device-batch-size × processes ({per_device} × {processes})")

    from transformers import AutoTokenizer
    from trl import GRPOConfig, GRPOTrainer

    config = trl_launch.config(GRPOConfig, args, extra, [
        "--num_generations", str(args.num_generations),
        "--max_completion_length", str(args.max_completion_length),
        "--per_device_train_batch_size", str(per_device),
        "--per_device_eval_batch_size", str(args.num_generations),
        "--gradient_accumulation_steps", str(completions // (per_device * processes)),
    ])

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    train, test = trl_launch.datasets(args)
    train = without_long_prompts(train, tokenizer, args.max_prompt_length, args.train_file)
    if test is not None:
        test = without_long_prompts(test, tokenizer, args.max_prompt_length, args.test_file)

    trainer = GRPOTrainer(
        model=args.model,
        reward_funcs=load_reward_function(args.reward_file, args.reward_function),
        args=config,
        train_dataset=train,
        eval_dataset=test,
    )
    trl_launch.train(trainer, config)


if __name__ == "__main__":
    main()
