#!/usr/bin/env bash
# GRPO with verl on one node, on the data Chorus exported next to this script.
#
# Runs `python3 -m verl.trainer.main_ppo` with algorithm.adv_estimator=grpo on train.parquet and
# test.parquet (columns data_source, prompt, ability, reward_model, extra_info), scoring every
# response with compute_score(data_source, solution_str, ground_truth, extra_info) from
# chorus_reward.py. Needs verl with vLLM (`pip install "verl[vllm]"`); written against verl
# 0.5 to 0.9 (examples/grpo_trainer, docs/preparation/reward_function.rst, trainer/config).
#
# Settings, filled in by Chorus in launch-common.sh; each can be overridden from the environment (MODEL=… GPUS=8 ./verl-grpo.sh):
#   MODEL                model to train (Hugging Face id or local folder)
#   TRAIN_FILE           train.parquet            TEST_FILE     test.parquet (validation)
#   REWARD_FILE          chorus_reward.py (it runs `chorus grade --serve` from the `chorus` binary beside it,
#                        or the one CHORUS_GRADER names)
#   ROLLOUT_N            responses sampled per prompt (the GRPO group; at least 2)
#   MAX_PROMPT_LENGTH    tokens; longer prompts are dropped (data.filter_overlong_prompts)
#   MAX_RESPONSE_LENGTH  tokens per response
#   BATCH_SIZE           prompts per training step (data.train_batch_size)
#   EPOCHS               passes over TRAIN_FILE
#   LEARNING_RATE        actor learning rate
#   GPUS, NODES          GPUs per node, nodes (more than 1 only when this runs on the head of a Ray
#                        cluster, which verl then joins; verl-grpo-ray.sh submits to one from anywhere)
#   PROJECT, EXPERIMENT  names for the logs and checkpoints
#   OUTPUT_DIR           where checkpoints go (trainer.default_local_dir)
# Environment only (defaults in brackets):
#   MINI_BATCH_SIZE [BATCH_SIZE]   prompts per actor update (ppo_mini_batch_size; must divide BATCH_SIZE)
#   MICRO_BATCH_SIZE_PER_GPU [4]   sequences per forward pass on one GPU (lower it when out of memory)
#   ROLLOUT_TP [1]                 tensor-parallel size of the vLLM rollout
#   GPU_MEMORY_UTILIZATION [0.6]   share of GPU memory vLLM may take
#   KL_COEF [0.001]                weight of the low_var_kl loss against the reference model
#   SAVE_FREQ [20], TEST_FREQ [5]  steps between checkpoints / validations (-1: never; a checkpoint
#                                  is also written after the last step when SAVE_FREQ > 0)
# Arguments: further Hydra overrides, passed to verl after these (the last value of a key wins), e.g.
#   ./verl-grpo.sh trainer.logger='["console","wandb"]' actor_rollout_ref.rollout.temperature=0.8
# BATCH_SIZE × ROLLOUT_N must be divisible by NODES × GPUS.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=launch-common.sh
source "$here/launch-common.sh"

verl_grpo_command as_is
exec "${verl_grpo[@]}" \
  "$@"
