#!/usr/bin/python3
"""Runs a notebook headless on the .NET kernel (kernels/ beside this file), writes it with its
outputs, and on a failing cell exits 1 naming that cell (its id) with the error. Debian's nbclient
and nbformat (python3-nbclient, from jupyter-nbconvert): `jupyter nbconvert --execute` writes
nothing when a cell fails, and a failed run's outputs are what a reader needs to see.

Usage: run_notebook.py NOTEBOOK [--out PATH] [--cell-timeout S] [--startup-timeout S]
"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient

parser = argparse.ArgumentParser()
parser.add_argument("notebook")
parser.add_argument("--out", help="where to write the executed notebook (default: in place)")
parser.add_argument("--cell-timeout", type=int, default=600, help="seconds one cell may take")
parser.add_argument("--startup-timeout", type=int, default=300, help="seconds the kernel may take to start")
args = parser.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
os.environ["JUPYTER_PATH"] = here  # kernels/.net-csharp: the pinned dotnet-interactive of the tool manifest
notebook = nbformat.read(args.notebook, as_version=4)
running = {}
client = NotebookClient(
    notebook,
    kernel_name=".net-csharp",
    timeout=args.cell_timeout,
    startup_timeout=args.startup_timeout,
    record_timing=False,
    # The kernel starts here, inside the repository, where `dotnet tool run` finds the tool manifest.
    resources={"metadata": {"path": here}},
    on_cell_start=lambda cell, cell_index: running.update(cell=cell, index=cell_index),
)

failure = None
try:
    client.execute()
except Exception as error:  # a cell's error, a timeout or the kernel dying: all name the cell
    failure = error

# The kernel's first answer carries a script that finds its local HTTP API from a browser: of no use in
# a saved copy, and a wall of JavaScript in the first cell on GitHub.
for cell in notebook.cells:
    cell["outputs"] = [o for o in cell.get("outputs", []) if "dotnet-interactive-this-cell" not in str(o.get("data", {}).get("text/html", ""))]

out = args.out or args.notebook
nbformat.write(notebook, out)
name = os.path.basename(args.notebook)
if failure is None:
    print(f"{name}: every cell ran ({len(notebook.cells)} cells), written to {out}")
    sys.exit(0)


cell = running.get("cell")
where = f"cell '{cell.get('id')}' (#{running['index'] + 1})" if cell else "before the first cell"
print(f"{name}: FAILED in {where}; the executed notebook is {out}", file=sys.stderr)
details = [o for o in (cell or {}).get("outputs", []) if o.get("output_type") == "error" or o.get("name") == "stderr"]
for output in details:
    print("  " + (output.get("text") or f"{output.get('ename')}: {output.get('evalue')}").strip().replace("\n", "\n  "), file=sys.stderr)
if not details:
    print(f"  {type(failure).__name__}: {str(failure).strip()[-2000:]}", file=sys.stderr)
sys.stderr.flush()
# Not sys.exit: nbclient's exit hook would try to clean up a kernel that never started and print a traceback.
os._exit(1)
