"""Dreams told aloud: a voice note is stored as a dream, transcribed by a job, and waits for
the user to confirm, correct or cancel the transcript before the normal analysis (and its
charge) starts. Transport-free: the bot implements :class:`VoicePort`."""
