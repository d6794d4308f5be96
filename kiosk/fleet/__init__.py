"""The fleet bus: every screen on an MQTT broker, seen and steered from a technician's laptop. Qt-free.

Nothing here imports paho-mqtt at import time: a screen without a `fleet:` key loads no network code.
"""
