# 分类：logits → softmax → 交叉熵，手算与 nn.CrossEntropyLoss 比较
import torch
import torch.nn as nn
import torch.nn.functional as F

# 两个样本、3 个类别的 logits（模型输出的原始分数），每行一个样本
logits = torch.tensor([[1.5, -0.5, 3.0],
                       [0.2, 2.2, -1.0]])
target = torch.tensor([2, 0])  # 正确类别的下标：第 1 个样本是类别 2，第 2 个是类别 0

probs = logits.exp() / logits.exp().sum(dim=1, keepdim=True)  # 按公式写的 softmax
print("softmax：", probs, sep="\n")
print("每行之和：", probs.sum(dim=1), sep="")
print("与 torch.softmax 一致：", torch.allclose(probs, torch.softmax(logits, dim=1)), sep="")

log_probs = F.log_softmax(logits, dim=1)  # log-softmax：z_i - log Σ_j exp(z_j)
picked = log_probs[torch.arange(2), target]  # 每个样本取出正确类别的对数概率
print("每个样本的交叉熵 -log p[正确类别]：", -picked, sep="")
print("平均：", -picked.mean(), sep="")

loss_fn = nn.CrossEntropyLoss()  # 输入 logits 和类别下标，自己先做 log-softmax
print("nn.CrossEntropyLoss：", loss_fn(logits, target), sep="")
print("reduction='none'：", nn.CrossEntropyLoss(reduction="none")(logits, target), sep="")
