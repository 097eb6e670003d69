# Sourced by the launch scripts Chorus writes next to exported training data (not run on its own):
# the settings Chorus filled in, submitting a job to a Ray cluster, and verl's GRPO run, written once
# for every script that needs them.

# Settings, filled in by Chorus; each can be overridden from the environment (MODEL=… GPUS=8 ./launch.sh).
# Every script gets all of them; its header says which its trainer reads.
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

DATA_DIR=${DATA_DIR%/}
MINI_BATCH_SIZE=${MINI_BATCH_SIZE:-$BATCH_SIZE}

# A path as it is: for runs on this machine.
as_is() {
  printf '%s' "$1"
}

# A path as a Ray job sees it: relative to the job's working directory (DATA_DIR) when it lies in it.
in_job() {
  case $1 in
    "$DATA_DIR"/*) printf '%s' "${1#"$DATA_DIR"/}" ;;
    *) printf '%s' "$1" ;;
  esac
}

# `ray job submit` to RAY_ADDRESS [http://127.0.0.1:8265], in the array `submit`: DATA_DIR goes to
# every node as the job's working directory, less OUTPUT_DIR when it lies inside; RAY_NO_WAIT=1 adds
# --no-wait.
ray_job_submit() {
  local runtime_env
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
  submit=(ray job submit --address="${RAY_ADDRESS:-http://127.0.0.1:8265}" --runtime-env-json="$runtime_env")
  if [[ ${RAY_NO_WAIT:-} == 1 ]]; then submit+=(--no-wait); fi
}

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

# The command of verl's GRPO run (`python3 -m verl.trainer.main_ppo` and its Hydra overrides), in the
# array `verl_grpo`; $1 names the function that gives a data file's path as the run sees it (as_is,
# in_job). Environment only (defaults in brackets): MINI_BATCH_SIZE [BATCH_SIZE],
# MICRO_BATCH_SIZE_PER_GPU [4], ROLLOUT_TP [1], GPU_MEMORY_UTILIZATION [0.6], KL_COEF [0.001],
# SAVE_FREQ [20], TEST_FREQ [5] (the verl scripts' headers say what each means).
#
# The reward function is named twice: `custom_reward_function.*` is where verl 0.5 and 0.6 read it
# (0.7 and 0.8 move it over), `reward.custom_reward_function.*` is where 0.7 and later read it
# (0.9 reads only there). `++` adds the key where the config lacks it and sets it where it has it.
verl_grpo_command() {
  local path=$1 micro=${MICRO_BATCH_SIZE_PER_GPU:-4}
  verl_grpo=(
    python3 -m verl.trainer.main_ppo
    algorithm.adv_estimator=grpo
    algorithm.use_kl_in_reward=False
    data.train_files="$(hydra_quote "$("$path" "$TRAIN_FILE")")"
    data.val_files="$(hydra_quote "$("$path" "$TEST_FILE")")"
    data.train_batch_size="$BATCH_SIZE"
    data.max_prompt_length="$MAX_PROMPT_LENGTH"
    data.max_response_length="$MAX_RESPONSE_LENGTH"
    data.filter_overlong_prompts=True
    data.truncation=error
    actor_rollout_ref.model.path="$(hydra_quote "$MODEL")"
    actor_rollout_ref.model.use_remove_padding=True
    actor_rollout_ref.model.enable_gradient_checkpointing=True
    actor_rollout_ref.actor.optim.lr="$LEARNING_RATE"
    actor_rollout_ref.actor.ppo_mini_batch_size="$MINI_BATCH_SIZE"
    actor_rollout_ref.actor.ppo_micro_batch_size_per_gpu="$micro"
    actor_rollout_ref.actor.use_kl_loss=True
    actor_rollout_ref.actor.kl_loss_coef="${KL_COEF:-0.001}"
    actor_rollout_ref.actor.kl_loss_type=low_var_kl
    actor_rollout_ref.actor.entropy_coeff=0
    actor_rollout_ref.actor.fsdp_config.param_offload=False
    actor_rollout_ref.actor.fsdp_config.optimizer_offload=False
    actor_rollout_ref.rollout.name=vllm
    actor_rollout_ref.rollout.n="$ROLLOUT_N"
    actor_rollout_ref.rollout.tensor_model_parallel_size="${ROLLOUT_TP:-1}"
    actor_rollout_ref.rollout.gpu_memory_utilization="${GPU_MEMORY_UTILIZATION:-0.6}"
    actor_rollout_ref.rollout.log_prob_micro_batch_size_per_gpu="$micro"
    actor_rollout_ref.ref.log_prob_micro_batch_size_per_gpu="$micro"
    actor_rollout_ref.ref.fsdp_config.param_offload=True
    custom_reward_function.path="$(hydra_quote "$("$path" "$REWARD_FILE")")"
    custom_reward_function.name=compute_score
    ++reward.custom_reward_function.path="$(hydra_quote "$("$path" "$REWARD_FILE")")"
    ++reward.custom_reward_function.name=compute_score
    trainer.critic_warmup=0
    trainer.logger='["console"]'
    trainer.project_name="$(hydra_quote "$PROJECT")"
    trainer.experiment_name="$(hydra_quote "$EXPERIMENT")"
    trainer.default_local_dir="$(hydra_quote "$OUTPUT_DIR")"
    trainer.n_gpus_per_node="$GPUS"
    trainer.nnodes="$NODES"
    trainer.save_freq="${SAVE_FREQ:-20}"
    trainer.test_freq="${TEST_FREQ:-5}"
    trainer.total_epochs="$EPOCHS"
  )
}
