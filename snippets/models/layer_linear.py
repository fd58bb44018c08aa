import torch
from torch import nn

torch.manual_seed(0)  # 层的参数是随机初始化的：固定种子，打印的数才可复现
fc = nn.Linear(in_features=3, out_features=2)
print(fc)
print(fc.weight)  # 形状 (out_features, in_features)：每行是一个输出的权重
print(fc.bias)

x = torch.tensor([[1.0, 2.0, 3.0],
                  [0.0, 1.0, 0.0]])  # 2 个样本，每个 3 个特征
y = fc(x)
print(y)

by_hand = x @ fc.weight.T + fc.bias  # y = x Wᵀ + b
print("与手算相同：", torch.allclose(y, by_hand), sep="")
one = (x[0] * fc.weight[1]).sum() + fc.bias[1]  # 第 0 个样本、第 1 个输出：W 的第 1 行与样本的内积加偏置
print(f"y[0, 1] = {y[0, 1].item():.4f}，手算 {one.item():.4f}")
