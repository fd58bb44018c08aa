"""Tests of the LeNet / CIFAR-10 page (docs/lenet-cifar10.py)."""
