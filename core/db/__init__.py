"""Database access: Tortoise ORM configuration, start-up and shutdown."""
