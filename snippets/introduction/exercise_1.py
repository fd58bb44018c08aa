# 练习 1：按 CUDA → MPS → CPU 的顺序选出可用的设备
import torch


def pick_device():
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():  # 苹果芯片的 GPU
        return torch.device("mps")
    return torch.device("cpu")


device = pick_device()
x = torch.ones(2, 2, device=device)
print(f"设备：{device}")
print(f"x 在 {x.device.type} 上：{x.device.type == device.type}")
print((x * 2).sum().item())
