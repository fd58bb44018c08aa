# 设备：张量存放在哪里，运算就在哪里进行
import torch

x = torch.ones(2, 3)
print(x.device)  # 没有指定时，张量创建在 CPU 上

gpu = torch.device("cuda", 0)  # 第 0 块 NVIDIA GPU；只是一个名字，没有 GPU 也能创建
print(gpu, gpu.type, gpu.index)
print(torch.device("cuda") == gpu)  # 不带编号的 "cuda" 与 "cuda:0" 是两个不同的值

# 常用写法：有可用的 CUDA GPU 就用它，否则用 CPU
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"设备：{device}")

y = torch.zeros(2, 3, device=device)  # 直接在这个设备上创建
z = x.to(device)  # 把 x 复制到这个设备上（x 已经在那里时，返回 x 本身）
print(y.device.type == device.type, z.device.type == device.type)
print((z + y).sum().item())  # 在这个设备上计算；.item() 把结果取回来，成为 Python 数
