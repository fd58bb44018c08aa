# 运算结果的类型：PyTorch 按“类型提升”的规则自动决定
import torch

i = torch.tensor([7, -7])  # int64
print(i / 2)  # 除法 / 总是得到浮点数，两边都是整数也一样
print(i // 2)  # 整除 // 保持整数，向下取整：-7 // 2 = -4
print(i + 0.5)  # 整数张量与 Python 小数：得到默认的浮点类型 float32

f32 = torch.ones(2)
f64 = torch.ones(2, dtype=torch.float64)
print((i + f32).dtype)  # 整数张量与浮点张量：浮点
print((f32 + f64).dtype)  # 两个浮点张量：取更宽的 float64
print((f32 * 2.5).dtype)  # Python 的数只决定类别（整数或浮点），不会把 float32 变宽
