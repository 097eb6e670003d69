#!/usr/bin/env bash
# GRPO with TRL on one node, on the data Chorus exported next to this script.
#
# Runs trl-grpo.py (next to this script) under `accelerate launch --num_processes GPUS`: TRL's
# GRPOTrainer on train.jsonl (`prompt` chat messages, `ground_truth`), evaluated on test.jsonl after
# each epoch, rewards from reward_func(completions, ground_truth, **kwargs) in chorus_reward.py.
# Needs TRL 1.x with accelerate (`pip install trl`; vLLM generation is optional: add --use_vllm true).
# Accelerate takes its other settings (DeepSpeed, FSDP, mixed precision) from `accelerate config`.
#
# Settings, filled in by Chorus in launch-common.sh; each can be overridden from the environment (GPUS=4 ./trl-grpo.sh):
#   MODEL                model to train (Hugging Face id or local folder)
#   TRAIN_FILE           train.jsonl          TEST_FILE  test.jsonl (may be empty: no evaluation)
#   REWARD_FILE          chorus_reward.py (it runs `chorus grade --serve` from the `chorus` binary beside it,
#                        or the one CHORUS_GRADER names)
#   ROLLOUT_N            completions sampled per prompt (GRPOConfig.num_generations; at least 2)
#   MAX_PROMPT_LENGTH    tokens; longer prompts are left out of the data
#   MAX_RESPONSE_LENGTH  tokens per completion (max_completion_length)
#   BATCH_SIZE           prompts per optimizer step over all GPUs
#   EPOCHS               passes over TRAIN_FILE (num_train_epochs)
#   LEARNING_RATE        learning_rate
#   GPUS                 processes, one per GPU
#   OUTPUT_DIR           checkpoints and the trained model (output_dir)
# Environment only: PER_DEVICE_BATCH_SIZE [ROLLOUT_N], completions per GPU per forward pass; the
# gradient accumulation steps follow from it (BATCH_SIZE × ROLLOUT_N / (PER_DEVICE_BATCH_SIZE × GPUS),
# which must be a whole number).
# Arguments: passed on to trl-grpo.py, and from it to GRPOConfig under TRL's names (the last value
# of a flag wins), e.g. ./trl-grpo.sh --beta 0.04 --use_vllm true --save_steps 100
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=launch-common.sh
source "$here/launch-common.sh"

PER_DEVICE_BATCH_SIZE=${PER_DEVICE_BATCH_SIZE:-$ROLLOUT_N}

exec accelerate launch --num_processes "$GPUS" "$here/trl-grpo.py" \
  --model "$MODEL" \
  --train-file "$TRAIN_FILE" \
  --test-file "$TEST_FILE" \
  --reward-file "$REWARD_FILE" \
  --num-generations "$ROLLOUT_N" \
  --max-prompt-length "$MAX_PROMPT_LENGTH" \
  --max-completion-length "$MAX_RESPONSE_LENGTH" \
  --batch-size "$BATCH_SIZE" \
  --per-device-batch-size "$PER_DEVICE_BATCH_SIZE" \
  --learning-rate "$LEARNING_RATE" \
  --epochs "$EPOCHS" \
  --output-dir "$OUTPUT_DIR" \
  "$@"
