"""The incremental build: work whose inputs did not change since the last build is not done again.

One store (:mod:`.store`: signing, atomic writes, record names, pruning, the format) and three
thin policies on top of it:

* :mod:`.seeds`: per-seed results (ingest + extract), keyed on the seed, its sidecar, the
  registry and the code the per-seed work runs (its import closure, :mod:`.code`);
* :mod:`.skip`: the whole-build fingerprint, which skips link, render and write when nothing the
  output depends on changed and docs/ is as the last build left it;
* :mod:`.renders`: the render cache, which renders again only the pages whose inputs changed.

None of them changes a byte of the output: a build with the cache gives what a build without it
gives, and deleting ``.cache/`` changes nothing but speed.
"""
