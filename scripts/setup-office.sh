#!/usr/bin/env bash
# Install LibreOffice Calc and Writer (without a GUI) for the tests that open the exported workbook and report as
# a user's office suite does (test/cli/workbook.test.ts, test/cli/docx.test.ts), poppler-utils to read and render
# the PDFs Writer converts them to (pdftotext, pdftoppm), and a CJK font so that Chinese text renders in them.
# Idempotent: installs only what is missing.
set -euo pipefail
missing=()
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || command -v localc >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || command -v lowriter >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
fc-list 2>/dev/null | grep -qi 'cjk\|wqy' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup-office] apt-get install ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
soffice --version
