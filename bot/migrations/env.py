"""Alembic environment: CheckMsg passes an open connection; there is no alembic.ini."""

from alembic import context

from bot.models_db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "CheckMsg applies its migrations itself (bot.store.Store.open); "
        "run `checkmsg console` or the bot instead of the alembic command"
    )

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
