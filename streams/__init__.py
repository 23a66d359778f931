"""newsevents: real-time news event extraction on Apache Kafka."""

__version__ = "0.1.0"
