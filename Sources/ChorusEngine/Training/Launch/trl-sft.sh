#!/usr/bin/env bash
# Supervised fine-tuning with TRL on one node, on the refinement (GSR) examples Chorus exported.
#
# Runs trl-sft.py (next to this script) under `accelerate launch --num_processes GPUS`: TRL's
# SFTTrainer on sft.jsonl (`prompt` chat messages, `completion` one assistant message; the loss
# counts the completion only). Needs TRL 1.x with accelerate (`pip install trl`). Accelerate takes
# its other settings (DeepSpeed, FSDP, mixed precision) from `accelerate config`.
#
# Settings, filled in by Chorus in launch-common.sh; each can be overridden from the environment (GPUS=4 ./trl-sft.sh):
#   MODEL                model to train (Hugging Face id or local folder)
#   TRAIN_FILE           sft.jsonl
#   MAX_PROMPT_LENGTH, MAX_RESPONSE_LENGTH   tokens; examples longer than their sum are cut (max_length)
#   BATCH_SIZE           examples per optimizer step over all GPUs
#   EPOCHS               passes over TRAIN_FILE (num_train_epochs)
#   LEARNING_RATE        learning_rate
#   GPUS                 processes, one per GPU
#   OUTPUT_DIR           checkpoints and the trained model (output_dir)
# Environment only: PER_DEVICE_BATCH_SIZE [4], examples per GPU per forward pass; the gradient
# accumulation steps follow from it (BATCH_SIZE / (PER_DEVICE_BATCH_SIZE × GPUS), rounded up).
# Arguments: passed on to trl-sft.py, and from it to SFTConfig under TRL's names (the last value of a
# flag wins), e.g. ./trl-sft.sh --test-file held-out.jsonl --save_steps 200
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=launch-common.sh
source "$here/launch-common.sh"

PER_DEVICE_BATCH_SIZE=${PER_DEVICE_BATCH_SIZE:-4}

exec accelerate launch --num_processes "$GPUS" "$here/trl-sft.py" \
  --model "$MODEL" \
  --train-file "$TRAIN_FILE" \
  --max-length "$((MAX_PROMPT_LENGTH + MAX_RESPONSE_LENGTH))" \
  --batch-size "$BATCH_SIZE" \
  --per-device-batch-size "$PER_DEVICE_BATCH_SIZE" \
  --learning-rate "$LEARNING_RATE" \
  --epochs "$EPOCHS" \
  --output-dir "$OUTPUT_DIR" \
  "$@"
