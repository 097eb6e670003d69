#!/usr/bin/env bash
# GRPO with verl on one node, on the data Chorus exported next to this script.
#
# Runs `python3 -m verl.trainer.main_ppo` with algorithm.adv_estimator=grpo on train.parquet and
# test.parquet (columns data_source, prompt, ability, reward_model, extra_info), scoring every
# response with compute_score(data_source, solution_str, ground_truth, extra_info) from
# chorus_reward.py. Needs verl with vLLM (`pip install "verl[vllm]"`); written against verl
# 0.5 to 0.9 (examples/grpo_trainer, docs/preparation/reward_function.rst, trainer/config).
#
# Settings, filled in by Chorus; each can be overridden from the environment (MODEL=… GPUS=8 ./verl-grpo.sh):
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

MODEL=${MODEL:-{{MODEL}}}
TRAIN_FILE=${TRAIN_FILE:-{{TRAIN_FILE}}}
TEST_FILE=${TEST_FILE:-{{TEST_FILE}}}
REWARD_FILE=${REWARD_FILE:-{{REWARD_FILE}}}
ROLLOUT_N=${ROLLOUT_N:-{{ROLLOUT_N}}}
MAX_PROMPT_LENGTH=${MAX_PROMPT_LENGTH:-{{MAX_PROMPT_LENGTH}}}
MAX_RESPONSE_LENGTH=${MAX_RESPONSE_LENGTH:-{{MAX_RESPONSE_LENGTH}}}
BATCH_SIZE=${BATCH_SIZE:-{{BATCH_SIZE}}}
EPOCHS=${EPOCHS:-{{EPOCHS}}}
LEARNING_RATE=${LEARNING_RATE:-{{LEARNING_RATE}}}
GPUS=${GPUS:-{{GPUS}}}
NODES=${NODES:-{{NODES}}}
PROJECT=${PROJECT:-{{PROJECT}}}
EXPERIMENT=${EXPERIMENT:-{{EXPERIMENT}}}
OUTPUT_DIR=${OUTPUT_DIR:-{{OUTPUT_DIR}}}

MINI_BATCH_SIZE=${MINI_BATCH_SIZE:-$BATCH_SIZE}
MICRO_BATCH_SIZE_PER_GPU=${MICRO_BATCH_SIZE_PER_GPU:-4}
ROLLOUT_TP=${ROLLOUT_TP:-1}
GPU_MEMORY_UTILIZATION=${GPU_MEMORY_UTILIZATION:-0.6}
KL_COEF=${KL_COEF:-0.001}
SAVE_FREQ=${SAVE_FREQ:-20}
TEST_FREQ=${TEST_FREQ:-5}

# A Hydra quoted string, so paths and names with spaces, commas, brackets or quotes stay one value:
# quotes are escaped, and backslashes that come before a quote or at the end are doubled.
hydra_quote() {
  local rest=$1 out="" run="" c
  while [[ -n $rest ]]; do
    c=${rest:0:1} rest=${rest:1}
    if [[ $c == '\' ]]; then run+='\'; continue; fi
    if [[ $c == "'" ]]; then out+="$run$run\\'"; else out+="$run$c"; fi
    run=""
  done
  printf "'%s'" "$out$run$run"
}

# The reward function is named twice: `custom_reward_function.*` is where verl 0.5 and 0.6 read it
# (0.7 and 0.8 move it over), `reward.custom_reward_function.*` is where 0.7 and later read it
# (0.9 reads only there). `++` adds the key where the config lacks it and sets it where it has it.
exec python3 -m verl.trainer.main_ppo \
  algorithm.adv_estimator=grpo \
  algorithm.use_kl_in_reward=False \
  data.train_files="$(hydra_quote "$TRAIN_FILE")" \
  data.val_files="$(hydra_quote "$TEST_FILE")" \
  data.train_batch_size="$BATCH_SIZE" \
  data.max_prompt_length="$MAX_PROMPT_LENGTH" \
  data.max_response_length="$MAX_RESPONSE_LENGTH" \
  data.filter_overlong_prompts=True \
  data.truncation=error \
  actor_rollout_ref.model.path="$(hydra_quote "$MODEL")" \
  actor_rollout_ref.model.use_remove_padding=True \
  actor_rollout_ref.model.enable_gradient_checkpointing=True \
  actor_rollout_ref.actor.optim.lr="$LEARNING_RATE" \
  actor_rollout_ref.actor.ppo_mini_batch_size="$MINI_BATCH_SIZE" \
  actor_rollout_ref.actor.ppo_micro_batch_size_per_gpu="$MICRO_BATCH_SIZE_PER_GPU" \
  actor_rollout_ref.actor.use_kl_loss=True \
  actor_rollout_ref.actor.kl_loss_coef="$KL_COEF" \
  actor_rollout_ref.actor.kl_loss_type=low_var_kl \
  actor_rollout_ref.actor.entropy_coeff=0 \
  actor_rollout_ref.actor.fsdp_config.param_offload=False \
  actor_rollout_ref.actor.fsdp_config.optimizer_offload=False \
  actor_rollout_ref.rollout.name=vllm \
  actor_rollout_ref.rollout.n="$ROLLOUT_N" \
  actor_rollout_ref.rollout.tensor_model_parallel_size="$ROLLOUT_TP" \
  actor_rollout_ref.rollout.gpu_memory_utilization="$GPU_MEMORY_UTILIZATION" \
  actor_rollout_ref.rollout.log_prob_micro_batch_size_per_gpu="$MICRO_BATCH_SIZE_PER_GPU" \
  actor_rollout_ref.ref.log_prob_micro_batch_size_per_gpu="$MICRO_BATCH_SIZE_PER_GPU" \
  actor_rollout_ref.ref.fsdp_config.param_offload=True \
  custom_reward_function.path="$(hydra_quote "$REWARD_FILE")" \
  custom_reward_function.name=compute_score \
  ++reward.custom_reward_function.path="$(hydra_quote "$REWARD_FILE")" \
  ++reward.custom_reward_function.name=compute_score \
  trainer.critic_warmup=0 \
  trainer.logger='["console"]' \
  trainer.project_name="$(hydra_quote "$PROJECT")" \
  trainer.experiment_name="$(hydra_quote "$EXPERIMENT")" \
  trainer.default_local_dir="$(hydra_quote "$OUTPUT_DIR")" \
  trainer.n_gpus_per_node="$GPUS" \
  trainer.nnodes="$NODES" \
  trainer.save_freq="$SAVE_FREQ" \
  trainer.test_freq="$TEST_FREQ" \
  trainer.total_epochs="$EPOCHS" \
  "$@"
