#!/usr/bin/env bash
# GRPO with verl on a Ray cluster of NODES nodes, on the data Chorus exported next to this script.
#
# Submits the same `python3 -m verl.trainer.main_ppo` run as verl-grpo.sh (algorithm.adv_estimator=grpo,
# rewards from chorus_reward.py) as a Ray job, and waits for it: `ray job submit` prints the job's log
# until the job ends and exits non-zero when it fails. Ctrl-C stops the printing, not the job
# (`ray job stop <submission id>` stops it). Set RAY_NO_WAIT=1 to submit and return at once
# (`ray job logs --follow <submission id>` shows the log). Written against verl 0.5 to 0.9
# (docs/start/multinode.rst) and Ray's job CLI.
#
# Start the cluster first, with verl (`pip install "verl[vllm]"`) and the same Python environment on
# every node:
#   head node:     ray start --head --dashboard-host=0.0.0.0        (dashboard and job API on port 8265)
#   other nodes:   ray start --address=<head ip>:6379
#   check:         ray status                                        (NODES nodes, GPUS GPUs each)
# then run this script on any machine that reaches the head's port 8265.
#
# DATA_DIR goes to every node as the job's working directory (Ray uploads it; OUTPUT_DIR is left out
# when it lies inside), so the train, test and reward files are named relative to it when they lie in
# it. Files outside DATA_DIR, a local MODEL folder, and OUTPUT_DIR must exist at the same path on
# every node: put OUTPUT_DIR on a shared file system to keep every node's checkpoint shards together.
#
# Settings, filled in by Chorus; each can be overridden from the environment:
#   MODEL, DATA_DIR, TRAIN_FILE, TEST_FILE, REWARD_FILE, ROLLOUT_N, MAX_PROMPT_LENGTH,
#   MAX_RESPONSE_LENGTH, BATCH_SIZE, EPOCHS, LEARNING_RATE, GPUS (per node), NODES, PROJECT,
#   EXPERIMENT, OUTPUT_DIR: as in verl-grpo.sh.
# Environment only (defaults in brackets):
#   RAY_ADDRESS [http://127.0.0.1:8265]   the head's dashboard address
#   RAY_NO_WAIT [unset]                   1: submit with --no-wait
#   MINI_BATCH_SIZE, MICRO_BATCH_SIZE_PER_GPU, ROLLOUT_TP, GPU_MEMORY_UTILIZATION, KL_COEF,
#   SAVE_FREQ, TEST_FREQ: as in verl-grpo.sh.
# Arguments: further Hydra overrides for verl, after these (the last value of a key wins).
# BATCH_SIZE × ROLLOUT_N must be divisible by NODES × GPUS.
set -euo pipefail

MODEL=${MODEL:-{{MODEL}}}
DATA_DIR=${DATA_DIR:-{{DATA_DIR}}}
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

RAY_ADDRESS=${RAY_ADDRESS:-http://127.0.0.1:8265}
MINI_BATCH_SIZE=${MINI_BATCH_SIZE:-$BATCH_SIZE}
MICRO_BATCH_SIZE_PER_GPU=${MICRO_BATCH_SIZE_PER_GPU:-4}
ROLLOUT_TP=${ROLLOUT_TP:-1}
GPU_MEMORY_UTILIZATION=${GPU_MEMORY_UTILIZATION:-0.6}
KL_COEF=${KL_COEF:-0.001}
SAVE_FREQ=${SAVE_FREQ:-20}
TEST_FREQ=${TEST_FREQ:-5}

DATA_DIR=${DATA_DIR%/}

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

# A path as the job sees it: relative to the working directory (DATA_DIR) when it lies in it.
in_job() {
  case $1 in
    "$DATA_DIR"/*) printf '%s' "${1#"$DATA_DIR"/}" ;;
    *) printf '%s' "$1" ;;
  esac
}

# The job's runtime environment: DATA_DIR as working directory, less OUTPUT_DIR when it lies inside.
runtime_env=$(python3 - "$DATA_DIR" "$OUTPUT_DIR" <<'PY'
import json, os, sys
data, output = (os.path.abspath(path) for path in sys.argv[1:3])
env = {"working_dir": data}
inside = os.path.relpath(output, data)
if inside != os.curdir and not inside.startswith(os.pardir + os.sep) and inside != os.pardir:
    env["excludes"] = ["/" + inside.replace(os.sep, "/") + "/"]
print(json.dumps(env))
PY
)

submit=(ray job submit --address="$RAY_ADDRESS" --runtime-env-json="$runtime_env")
if [[ ${RAY_NO_WAIT:-} == 1 ]]; then submit+=(--no-wait); fi

# The reward function is named twice: `custom_reward_function.*` is where verl 0.5 and 0.6 read it
# (0.7 and 0.8 move it over), `reward.custom_reward_function.*` is where 0.7 and later read it
# (0.9 reads only there). `++` adds the key where the config lacks it and sets it where it has it.
exec "${submit[@]}" -- python3 -m verl.trainer.main_ppo \
  algorithm.adv_estimator=grpo \
  algorithm.use_kl_in_reward=False \
  data.train_files="$(hydra_quote "$(in_job "$TRAIN_FILE")")" \
  data.val_files="$(hydra_quote "$(in_job "$TEST_FILE")")" \
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
  custom_reward_function.path="$(hydra_quote "$(in_job "$REWARD_FILE")")" \
  custom_reward_function.name=compute_score \
  ++reward.custom_reward_function.path="$(hydra_quote "$(in_job "$REWARD_FILE")")" \
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
