"""`field__among=ids`: rows whose field is one of many integer ids, the ids sent as one value.

`field__in=ids` with thousands of ids costs the web process more than the database: Django
prepares every value on its own, and psycopg then scans the statement's thousands of
placeholders. `__among` turns the ids into integers once and, on PostgreSQL, sends
`field = ANY(%s::bigint[])` with the ids as one array; other databases get the `IN (…)` that
`__in` would write. Only for integer columns (primary and foreign keys); an empty list matches
nothing, as with `__in`. Registered on every field and on foreign keys (which keep lookups of
their own): `user__among=ids` as well as `pk__among=ids`.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup


class Among(Lookup):
    lookup_name = "among"

    def get_prep_lookup(self) -> list[int]:
        values: Iterable[Any] = self.rhs
        # A NULL in `IN (…)` matches no row either.
        return sorted({int(value) for value in values if value is not None})

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if not self.rhs:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            # One text parameter cast to an array: psycopg quotes a string at once, where it
            # writes a list into the statement element by element.
            array = "{" + ",".join(map(str, self.rhs)) + "}"
            return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, array)
        placeholders = ", ".join(["%s"] * len(self.rhs))
        return f"{lhs} IN ({placeholders})", (*lhs_params, *self.rhs)


Field.register_lookup(Among)
ForeignObject.register_lookup(Among)
