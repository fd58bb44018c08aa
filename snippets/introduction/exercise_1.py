# 练习 1：按 CUDA → MPS → CPU 的顺序选出可用的设备，返回它的名字
import torch


def pick_device():
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():  # 苹果芯片的 GPU
        return "mps"
    return "cpu"


print(f"CUDA 可用：{torch.cuda.is_available()}")
print(f"MPS 可用：{torch.backends.mps.is_available()}")
device = pick_device()
print(f"选出的设备：{device}")
print(device in ("cuda", "mps", "cpu"))
