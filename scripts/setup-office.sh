#!/usr/bin/env bash
# Install LibreOffice Calc (without a GUI) for the tests that open the exported workbooks as a user's office
# suite does (test/cli/workbook.test.ts), and a CJK font so that Chinese text renders in what they convert.
# Idempotent: installs only what is missing.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
fc-list 2>/dev/null | grep -qi 'cjk\|wqy' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup-office] apt-get install ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
soffice --version
