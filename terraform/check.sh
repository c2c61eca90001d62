#!/usr/bin/env bash
# The Terraform checks: `terraform fmt -check -recursive`, then `init`, `validate` and `test` in each module and
# example that Terraform can load here. Exits non-zero when any check fails.
#
#   TF_PLUGIN_MIRROR    filesystem mirror of the hashicorp/aws provider (default /opt/tf-plugins); without it
#                       the AWS module and example are skipped with a message (fmt and sizing still run).
#   TERRAFORM_REQUIRED  true: fail, rather than skip, when the terraform command is missing.
#
# The Kubernetes module and example get `fmt` only: no Kubernetes provider can be installed here (the objects they
# apply come from modules/kubernetes/manifests, which has no provider and is tested).
set -uo pipefail
cd "$(dirname "$0")"

started=$SECONDS
mirror="${TF_PLUGIN_MIRROR:-/opt/tf-plugins}"
failed=()

if ! command -v terraform >/dev/null 2>&1; then
  if [ "${TERRAFORM_REQUIRED:-false}" = true ]; then
    echo "terraform/check.sh: FAIL: terraform is not installed (TERRAFORM_REQUIRED=true)" >&2
    exit 1
  fi
  echo "terraform/check.sh: SKIP: terraform is not installed"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TF_IN_AUTOMATION=1 TF_INPUT=0
# No registry is reachable: modules without providers get an empty CLI config, the others only the mirror.
: >"$work/none.tfrc"
cat >"$work/mirror.tfrc" <<TFRC
provider_installation {
  filesystem_mirror {
    path = "$mirror"
  }
}
TFRC

step() { # step NAME COMMAND...: runs one check, prints its outcome and time, records a failure
  local name=$1 t=$SECONDS
  shift
  if "$@" >"$work/out" 2>&1; then
    echo "  ok    $name ($((SECONDS - t)) s)"
  else
    echo "  FAIL  $name" && sed 's/^/        /' "$work/out"
    failed+=("$name")
    return 1
  fi
}

check_dir() { # check_dir DIR CLI_CONFIG: init, validate and (where it has tests) test
  local dir=$1
  export TF_CLI_CONFIG_FILE="$work/$2.tfrc" TF_DATA_DIR="$work/data/${dir//\//_}"
  echo "$dir"
  step "$dir: init" terraform -chdir="$dir" init -backend=false -no-color || return 0
  step "$dir: validate" terraform -chdir="$dir" validate -no-color
  if compgen -G "$dir/tests/*.tftest.hcl" >/dev/null || compgen -G "$dir/*.tftest.hcl" >/dev/null; then
    step "$dir: test" terraform -chdir="$dir" test -no-color
  fi
}

export TF_CLI_CONFIG_FILE="$work/none.tfrc"
echo "fmt"
step "fmt -check -recursive" terraform fmt -check -recursive -diff -no-color .

check_dir modules/sizing none
check_dir modules/kubernetes/manifests none
if compgen -G "$mirror/*/hashicorp/aws/*" >/dev/null; then
  check_dir modules/aws mirror
  check_dir examples/aws mirror
else
  echo "modules/aws, examples/aws: SKIP: no hashicorp/aws provider under TF_PLUGIN_MIRROR=$mirror"
fi
echo "modules/kubernetes, examples/kubernetes: fmt only (no Kubernetes provider can be installed here)"

echo "terraform/check.sh: $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "terraform/check.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "terraform/check.sh: all passed"
