#!/usr/bin/env bash
# GPU check of the cuda profile: builds the demo with ND4J's CUDA 11.6 backend and with the default
# CPU backend, runs the same short training on both (the pooled network on the default data set,
# MLP and LSTM, 5 epochs) and prints the training times and their ratio.
#
# Needs an NVIDIA GPU with a driver for CUDA 11.6 (>= 510), the CUDA 11.6 runtime libraries on the
# library path, JDK 17 and Maven. Run from anywhere: docs/benchmarks/gpu-check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() { # $1 = profile flag or empty, $2 = destination
  mvn -q -B package -DskipTests $1
  mkdir -p "$2"
  cp solar-demo/target/aoi-solar-demo.jar "$2/"
  cp -r solar-demo/target/lib "$2/lib"
}
build "-Pcuda" "$work/cuda"
build "" "$work/cpu"

train() { # $1 = build folder, $2 = architecture; prints the pooled network's training seconds
  java -Xmx4g -cp "$1/aoi-solar-demo.jar:$1/lib/*" org.aoiforecast.solar.cli.SolarCli train \
      --strategies pooled-with-age --architecture "$2" --epochs 5 --model none --quiet \
    | awk '$1 == "secs" {print $2}'
}
for arch in mlp lstm; do
  gpu=$(train "$work/cuda" "$arch")
  cpu=$(train "$work/cpu" "$arch")
  echo "$arch: pooled network, 5 epochs: GPU ${gpu} s, CPU ${cpu} s, CPU/GPU = $(awk -v c="$cpu" -v g="$gpu" 'BEGIN {printf "%.2f", c / g}')"
done
