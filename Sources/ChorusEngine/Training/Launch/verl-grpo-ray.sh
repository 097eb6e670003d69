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
# Settings, filled in by Chorus in launch-common.sh; each can be overridden from the environment:
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
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=launch-common.sh
source "$here/launch-common.sh"

ray_job_submit
verl_grpo_command in_job
exec "${submit[@]}" -- "${verl_grpo[@]}" \
  "$@"
