# model.parameters()：模型里所有需要训练的叶子张量
import torch
import torch.nn as nn

model = nn.Linear(1, 1)  # 一个现成的 z = w·x + b（第四章细讲）
params = list(model.parameters())
for p in params:
    print(type(p).__name__, tuple(p.shape), "requires_grad =", p.requires_grad, "is_leaf =", p.is_leaf)

optimizer = torch.optim.SGD(model.parameters(), lr=0.02)
print("优化器拿到的就是这两个张量：", all(a is b for a, b in zip(optimizer.param_groups[0]["params"], params)), sep="")
