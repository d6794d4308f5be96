"""Device configuration: every key declared once, read from layered sources, each value with its origin.

- ``types``, ``chords``: the kinds of value, each with the words that document it;
- ``keys``: the keys (type, default, meaning) and the checks against a programme;
- ``files``: a configuration file read into raw values with their places;
- ``layers``: the layers, lowest first, and the value each key takes (``load_config``);
- ``save``: one setting written into the user's file (the on-screen setup).

Qt-free; the `kiosk config` command is kiosk.cli.config_command.
"""

from .keys import DEFAULTS, KEY, KEYS, PIN_MASK, Key, reference_markdown, show
from .layers import FILE_NAME, LAYERS, Config, config_from_args, load_config, user_config_path
from .save import save_user_setting

__all__ = [
    "DEFAULTS",
    "FILE_NAME",
    "KEY",
    "KEYS",
    "LAYERS",
    "PIN_MASK",
    "Config",
    "Key",
    "config_from_args",
    "load_config",
    "reference_markdown",
    "save_user_setting",
    "show",
    "user_config_path",
]
