#!/usr/bin/env bash
# GRPO with OpenRLHF on a Ray cluster, on the data Chorus exported next to this script.
#
# Submits `python3 -m openrlhf.cli.train_ppo_ray` as a Ray job with the group_norm advantage
# estimator (OpenRLHF's GRPO), prompts from train.jsonl (`input`: chat messages, `label`: gold answer)
# and rewards from reward_func(queries, prompts, labels) in chorus_reward.py, which OpenRLHF loads
# because the --reward.remote_url path ends in .py. vLLM generates; actor, reference and vLLM engines
# share the GPUs (--train.colocate_all with sleep mode). Needs OpenRLHF 0.10.2 or later
# (`pip install "openrlhf[vllm]"`): it uses the dotted flag names OpenRLHF took up in 0.10.2
# (0.10.1 and earlier spell them --pretrain, --remote_rm_url, --prompt_data, --advantage_estimator,
# --n_samples_per_prompt, ...). Flags checked against openrlhf/cli/train_ppo_ray.py of 0.11.2.
# OpenRLHF's default attention is flash_attention_2 (the flash-attn package); without it add
# --ds.attn_implementation sdpa.
#
# The script waits for the job: `ray job submit` prints its log until it ends and exits non-zero when
# it fails; Ctrl-C stops the printing, not the job (`ray job stop <submission id>`). RAY_NO_WAIT=1
# submits and returns at once.
#
# Start Ray first, with OpenRLHF installed on every node:
#   head node:     ray start --head --node-ip-address 0.0.0.0 --num-gpus <GPUS>
#   other nodes:   ray start --address <head ip>:6379 --num-gpus <GPUS>
#   check:         ray status
# DATA_DIR goes to every node as the job's working directory (Ray uploads it, less OUTPUT_DIR when it
# lies inside), so the data and reward files are named relative to it when they lie in it. Files
# outside DATA_DIR, a local MODEL folder and OUTPUT_DIR must exist at the same path on every node.
#
# Settings, filled in by Chorus in launch-common.sh; each can be overridden from the environment:
#   MODEL                model to train (Hugging Face id or local folder)
#   DATA_DIR             the folder with the files below, uploaded as the job's working directory
#   TRAIN_FILE           train.jsonl
#   TEST_FILE            test.jsonl, evaluated every EVAL_STEPS steps (empty when Chorus exported no test split)
#   REWARD_FILE          chorus_reward.py (it runs `chorus grade --serve` from the `chorus` binary beside it,
#                        or the one CHORUS_GRADER names)
#   ROLLOUT_N            responses sampled per prompt (--rollout.n_samples_per_prompt; at least 2)
#   MAX_PROMPT_LENGTH, MAX_RESPONSE_LENGTH   tokens (--data.max_len is their sum)
#   BATCH_SIZE           prompts per rollout (--rollout.batch_size)
#   EPOCHS               passes over TRAIN_FILE (--train.num_episodes)
#   LEARNING_RATE        actor learning rate (--actor.adam.lr)
#   GPUS, NODES          GPUs per node, nodes
#   PROJECT, EXPERIMENT  Weights & Biases project and run names (used when --logger.wandb.key is given)
#   OUTPUT_DIR           the trained model (--ckpt.output_dir); checkpoints in OUTPUT_DIR/ckpt
# Environment only (defaults in brackets):
#   RAY_ADDRESS [http://127.0.0.1:8265]   the head's dashboard address
#   RAY_NO_WAIT [unset]                   1: submit with --no-wait
#   MINI_BATCH_SIZE [BATCH_SIZE]          prompts per optimizer step (--train.batch_size is it × ROLLOUT_N)
#   MICRO_TRAIN_BATCH_SIZE [4], MICRO_ROLLOUT_BATCH_SIZE [8]   sequences per GPU per forward pass
#   VLLM_TP [1]                           tensor-parallel size of each vLLM engine
#   VLLM_NUM_ENGINES [NODES × GPUS / VLLM_TP]
#   GPU_MEMORY_UTILIZATION [0.6]          vLLM's share of GPU memory
#   KL_COEF [0.001]                       weight of the k3 KL loss against the reference model
#   ZERO_STAGE [3]                        DeepSpeed ZeRO stage
#   SAVE_STEPS [-1], EVAL_STEPS [10]      steps between checkpoints / evaluations (-1: never)
# Arguments: further OpenRLHF flags, after these (argparse keeps the last value of a flag).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=launch-common.sh
source "$here/launch-common.sh"

MICRO_TRAIN_BATCH_SIZE=${MICRO_TRAIN_BATCH_SIZE:-4}
MICRO_ROLLOUT_BATCH_SIZE=${MICRO_ROLLOUT_BATCH_SIZE:-8}
VLLM_TP=${VLLM_TP:-1}
VLLM_NUM_ENGINES=${VLLM_NUM_ENGINES:-$((NODES * GPUS / VLLM_TP))}
GPU_MEMORY_UTILIZATION=${GPU_MEMORY_UTILIZATION:-0.6}
KL_COEF=${KL_COEF:-0.001}
ZERO_STAGE=${ZERO_STAGE:-3}
SAVE_STEPS=${SAVE_STEPS:--1}
EVAL_STEPS=${EVAL_STEPS:-10}

ray_job_submit

evaluation=()
if [[ -n $TEST_FILE ]]; then
  evaluation=(--eval.dataset "$(in_job "$TEST_FILE")" --eval.steps "$EVAL_STEPS")
fi

exec "${submit[@]}" -- python3 -m openrlhf.cli.train_ppo_ray \
  --actor.model_name_or_path "$MODEL" \
  --reward.remote_url "$(in_job "$REWARD_FILE")" \
  --data.prompt_dataset "$(in_job "$TRAIN_FILE")" \
  --data.input_key input \
  --data.label_key label \
  --data.apply_chat_template \
  ${evaluation[@]+"${evaluation[@]}"} \
  --algo.advantage.estimator group_norm \
  --algo.kl.init_coef "$KL_COEF" \
  --algo.kl.use_loss \
  --algo.kl.estimator k3 \
  --rollout.n_samples_per_prompt "$ROLLOUT_N" \
  --rollout.batch_size "$BATCH_SIZE" \
  --rollout.micro_batch_size "$MICRO_ROLLOUT_BATCH_SIZE" \
  --rollout.max_new_tokens "$MAX_RESPONSE_LENGTH" \
  --data.max_len "$((MAX_PROMPT_LENGTH + MAX_RESPONSE_LENGTH))" \
  --train.batch_size "$((MINI_BATCH_SIZE * ROLLOUT_N))" \
  --train.micro_batch_size "$MICRO_TRAIN_BATCH_SIZE" \
  --train.max_epochs 1 \
  --train.num_episodes "$EPOCHS" \
  --actor.adam.lr "$LEARNING_RATE" \
  --actor.num_nodes "$NODES" \
  --actor.num_gpus_per_node "$GPUS" \
  --ref.num_nodes "$NODES" \
  --ref.num_gpus_per_node "$GPUS" \
  --vllm.num_engines "$VLLM_NUM_ENGINES" \
  --vllm.tensor_parallel_size "$VLLM_TP" \
  --vllm.gpu_memory_utilization "$GPU_MEMORY_UTILIZATION" \
  --vllm.enable_sleep \
  --train.colocate_all \
  --ds.enable_sleep \
  --ds.zero_stage "$ZERO_STAGE" \
  --ds.param_dtype bf16 \
  --actor.gradient_checkpointing_enable \
  --ckpt.output_dir "$OUTPUT_DIR" \
  --ckpt.path "$OUTPUT_DIR/ckpt" \
  --ckpt.save_steps "$SAVE_STEPS" \
  --ckpt.save_hf \
  --logger.logging_steps 1 \
  --logger.wandb.project "$PROJECT" \
  --logger.wandb.run_name "$EXPERIMENT" \
  "$@"
