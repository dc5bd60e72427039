"""Billing: the catalogue, the credit ledger, reservations for dreams, subscriptions, and the
payment gateways (Telegram Stars, Stripe, YooKassa). Plain functions over plain data; the bot,
the web app and the workers call them and render the results."""
