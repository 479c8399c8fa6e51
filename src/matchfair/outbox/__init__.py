"""The outbox: every e-mail Matchfair sends, recorded once under its key and delivered at most
once. Every app queues its mail here (`matchfair.outbox.domain.queue_message`); the app imports
no feature app."""
