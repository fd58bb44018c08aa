# 归约：沿某一维求和、求均值、求最大值
import torch

t = torch.tensor([[1.0, 5.0, 3.0],
                  [4.0, 2.0, 6.0]])  # 形状 (2, 3)
print(t.sum())  # 全部元素之和：0 维张量
print(t.sum(dim=0))  # 沿第 0 维归约：各列之和，形状 (3,)
print(t.sum(dim=1))  # 沿第 1 维归约：各行之和，形状 (2,)
print(t.sum(dim=1, keepdim=True))  # 保留被归约的维度：形状 (2, 1)
print(t.mean(dim=0))

values, indices = t.max(dim=1)  # 指定 dim 时，max 返回最大值和它们的位置
print(values, indices)
print(t.argmax(dim=1))  # 只要位置

print(t / t.sum(dim=1, keepdim=True))  # (2, 3) / (2, 1)：每行除以该行之和
