# 参与同一个运算的张量必须在同一个设备上
import torch

x = torch.ones(2, 3)  # 在 CPU 上
m = torch.ones(2, 3, device="meta")  # 在 meta 设备上
print((m + m).shape)  # 都在 meta 上：可以运算（只推算出结果的形状）

try:
    x + m  # 一个在 CPU 上，一个在 meta 上
except RuntimeError as e:
    print("RuntimeError:", e)

print((x.to(m.device) + m).device)  # 先把 x 移到 m 所在的设备
print((m * torch.tensor(2.0)).device)  # 例外：0 维的 CPU 张量被当作一个数
