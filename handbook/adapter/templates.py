"""Material's templates, compiled once per process."""

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per process (in memory, never on disk): the Spanish build, and each
    build of `serve` or of the tests, reuses what the first compiled. Jinja checks each against its source."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


THEME_COMPILED = CompiledTemplates()
