"""Payment intents, their ledger, fuel and parking sessions, the sandbox processor's holds.

The first release charged orders directly (`ledger` with one `charge` per order, `sandbox_charges`). Its
charges are carried over: each sandbox charge becomes a hold (captured, or declined; a refunded one refunded
in full), and each booked order charge an intent that `succeeded`, with an `authorize` and a `capture` entry
in `payment_ledger`. Downgrading drops the new tables and gives back empty old ones (a payment made since
has no place in the old schema).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sandbox_actions',
    sa.Column('idempotency_key', sa.String(length=120), nullable=False),
    sa.Column('hold_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('error', sa.String(length=30), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('idempotency_key')
    )
    with op.batch_alter_table('sandbox_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sandbox_actions_hold_id'), ['hold_id'], unique=False)

    op.create_table('sandbox_holds',
    sa.Column('hold_id', sa.String(length=40), nullable=False),
    sa.Column('idempotency_key', sa.String(length=120), nullable=False),
    sa.Column('token', sa.String(length=100), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decline_code', sa.String(length=30), nullable=True),
    sa.Column('captured_cents', sa.Integer(), nullable=False),
    sa.Column('refunded_cents', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('hold_id'),
    sa.UniqueConstraint('idempotency_key')
    )
    op.create_table('payment_intents',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('device_id', sa.String(length=40), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('purpose', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('capture_mode', sa.String(length=10), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('captured_cents', sa.Integer(), nullable=False),
    sa.Column('refunded_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('merchant_id', sa.String(length=80), nullable=False),
    sa.Column('merchant_name', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('payment_method_id', sa.String(length=40), nullable=False),
    sa.Column('processor_token', sa.String(length=100), nullable=False),
    sa.Column('brand', sa.String(length=20), nullable=False),
    sa.Column('last4', sa.String(length=4), nullable=False),
    sa.Column('processor_key', sa.String(length=120), nullable=False),
    sa.Column('hold_id', sa.String(length=40), nullable=True),
    sa.Column('hold_expires_at', sa.DateTime(), nullable=True),
    sa.Column('failure_code', sa.String(length=40), nullable=True),
    sa.Column('failure_detail', sa.String(length=300), nullable=True),
    sa.Column('draft_json', sa.Text(), nullable=True),
    sa.Column('order_id', sa.String(length=40), nullable=True),
    sa.Column('pending_action', sa.String(length=10), nullable=True),
    sa.Column('pending_key', sa.String(length=120), nullable=True),
    sa.Column('pending_amount', sa.Integer(), nullable=True),
    sa.Column('pending_device_id', sa.String(length=40), nullable=True),
    sa.Column('pending_op_id', sa.String(length=36), nullable=True),
    sa.Column('pending_holder', sa.String(length=32), nullable=True),
    sa.Column('pending_since', sa.Float(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('device_id', 'op_id', name='uq_payment_intents_device_op'),
    sa.UniqueConstraint('hold_id'),
    sa.UniqueConstraint('processor_key')
    )
    with op.batch_alter_table('payment_intents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_intents_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_payment_intents_pending_since', ['pending_since'], unique=False)
        batch_op.create_index('ix_payment_intents_status_expiry', ['status', 'hold_expires_at'], unique=False)
        batch_op.create_index('ix_payment_intents_pending_op', ['pending_device_id', 'pending_op_id'], unique=False)

    op.create_table('fuel_sessions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('intent_id', sa.String(length=40), nullable=False),
    sa.Column('station_id', sa.String(length=80), nullable=False),
    sa.Column('station_name', sa.String(length=200), nullable=False),
    sa.Column('pump', sa.Integer(), nullable=False),
    sa.Column('fuel', sa.String(length=10), nullable=False),
    sa.Column('price_milli_per_litre', sa.Integer(), nullable=False),
    sa.Column('litres_milli', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['intent_id'], ['payment_intents.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('intent_id')
    )
    with op.batch_alter_table('fuel_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fuel_sessions_account_id'), ['account_id'], unique=False)

    op.create_table('parking_sessions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('intent_id', sa.String(length=40), nullable=False),
    sa.Column('zone_id', sa.String(length=40), nullable=False),
    sa.Column('rate_cents_per_hour', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('expected_end', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['intent_id'], ['payment_intents.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('intent_id')
    )
    with op.batch_alter_table('parking_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parking_sessions_account_id'), ['account_id'], unique=False)

    op.create_table('payment_ledger',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('intent_id', sa.String(length=40), nullable=False),
    sa.Column('device_id', sa.String(length=40), nullable=True),
    sa.Column('op_id', sa.String(length=36), nullable=True),
    sa.Column('order_id', sa.String(length=40), nullable=True),
    sa.Column('charge_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('processor_key', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['intent_id'], ['payment_intents.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('processor_key')
    )
    with op.batch_alter_table('payment_ledger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_ledger_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_ledger_intent_id'), ['intent_id'], unique=False)

    _carry_over_charges()
    op.drop_table('sandbox_charges')
    with op.batch_alter_table('ledger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_account_id'))

    op.drop_table('ledger')


def downgrade() -> None:
    op.create_table('ledger',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.Column('account_id', sa.VARCHAR(length=40), nullable=False),
    sa.Column('device_id', sa.VARCHAR(length=40), nullable=False),
    sa.Column('op_id', sa.VARCHAR(length=36), nullable=False),
    sa.Column('order_id', sa.VARCHAR(length=40), nullable=False),
    sa.Column('charge_id', sa.VARCHAR(length=40), nullable=False),
    sa.Column('amount_cents', sa.INTEGER(), nullable=False),
    sa.Column('currency', sa.VARCHAR(length=3), nullable=False),
    sa.Column('kind', sa.VARCHAR(length=20), nullable=False),
    sa.Column('created_at', sa.DATETIME(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('charge_id')
    )
    with op.batch_alter_table('ledger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_account_id'), ['account_id'], unique=False)

    op.create_table('sandbox_charges',
    sa.Column('idempotency_key', sa.VARCHAR(length=120), nullable=False),
    sa.Column('charge_id', sa.VARCHAR(length=40), nullable=False),
    sa.Column('token', sa.VARCHAR(length=100), nullable=False),
    sa.Column('amount_cents', sa.INTEGER(), nullable=False),
    sa.Column('currency', sa.VARCHAR(length=3), nullable=False),
    sa.Column('outcome', sa.VARCHAR(length=30), nullable=False),
    sa.Column('refunded', sa.BOOLEAN(), nullable=False),
    sa.Column('created_at', sa.DATETIME(), nullable=False),
    sa.PrimaryKeyConstraint('idempotency_key'),
    sa.UniqueConstraint('charge_id')
    )
    with op.batch_alter_table('payment_ledger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_ledger_intent_id'))
        batch_op.drop_index(batch_op.f('ix_payment_ledger_account_id'))

    op.drop_table('payment_ledger')
    with op.batch_alter_table('parking_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parking_sessions_account_id'))

    op.drop_table('parking_sessions')
    with op.batch_alter_table('fuel_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fuel_sessions_account_id'))

    op.drop_table('fuel_sessions')
    with op.batch_alter_table('payment_intents', schema=None) as batch_op:
        batch_op.drop_index('ix_payment_intents_pending_op')
        batch_op.drop_index('ix_payment_intents_status_expiry')
        batch_op.drop_index('ix_payment_intents_pending_since')
        batch_op.drop_index(batch_op.f('ix_payment_intents_account_id'))

    op.drop_table('payment_intents')
    op.drop_table('sandbox_holds')
    with op.batch_alter_table('sandbox_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sandbox_actions_hold_id'))

    op.drop_table('sandbox_actions')


def _carry_over_charges() -> None:
    op.execute("""
        INSERT INTO sandbox_holds (hold_id, idempotency_key, token, amount_cents, currency, status, decline_code,
                                   captured_cents, refunded_cents, expires_at, created_at, updated_at)
        SELECT charge_id, idempotency_key, token, amount_cents, currency,
               CASE WHEN outcome = 'succeeded' THEN 'captured' ELSE 'declined' END,
               CASE WHEN outcome = 'succeeded' THEN NULL ELSE outcome END,
               CASE WHEN outcome = 'succeeded' THEN amount_cents ELSE 0 END,
               CASE WHEN outcome = 'succeeded' AND refunded THEN amount_cents ELSE 0 END,
               created_at, created_at, created_at
        FROM sandbox_charges""")
    op.execute("""
        INSERT INTO payment_intents (id, account_id, device_id, op_id, purpose, status, capture_mode, amount_cents,
                                     captured_cents, refunded_cents, currency, merchant_id, merchant_name, reference,
                                     payment_method_id, processor_token, brand, last4, processor_key, hold_id,
                                     hold_expires_at, order_id, created_at, updated_at)
        SELECT 'pay_' || ledger.charge_id, ledger.account_id, ledger.device_id, ledger.op_id, 'order', 'succeeded',
               'manual', ledger.amount_cents, ledger.amount_cents, 0, ledger.currency, 'headunit-shop',
               'HeadUnit shop', 'order ' || ledger.op_id, orders.payment_method_id,
               payment_methods.processor_token, payment_methods.brand, payment_methods.last4,
               ledger.device_id || ':' || ledger.op_id, ledger.charge_id, NULL, ledger.order_id,
               ledger.created_at, ledger.created_at
        FROM ledger JOIN orders ON orders.id = ledger.order_id
                    JOIN payment_methods ON payment_methods.id = orders.payment_method_id""")
    # (A key's ":" is spelt out as its own literal: ":capture" would read as a bind parameter.)
    for kind, suffix in (("authorize", ""), ("capture", " || ':' || 'capture'")):
        op.execute(f"""
            INSERT INTO payment_ledger (account_id, intent_id, device_id, op_id, order_id, charge_id, kind,
                                        amount_cents, currency, processor_key, created_at)
            SELECT account_id, 'pay_' || charge_id, device_id, op_id, order_id, charge_id, '{kind}', amount_cents,
                   currency, device_id || ':' || op_id{suffix}, created_at
            FROM ledger ORDER BY id""")
