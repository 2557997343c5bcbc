#!/bin/bash
# Submits the shards as a job array and the merge as a job that waits for all of them:
#   RESULTS=/shared/hwsim-results deploy/slurm/submit.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
array=$(sbatch --parsable --export=ALL "$here/montecarlo.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterok:${array}" "$here/merge.sbatch")
echo "shards: job array ${array}; merge: job ${merge} (starts when every shard has succeeded)"
