# 练习 5：交叉熵对 logits 的梯度是 softmax(z) - one_hot；再用 SGD 更新 logits
import torch
import torch.nn as nn
import torch.nn.functional as F

z = torch.tensor([[1.0, 2.0, 0.5]], requires_grad=True)  # 把一个样本的 logits 直接当作参数
target = torch.tensor([2])
loss_fn = nn.CrossEntropyLoss()

loss_fn(z, target).backward()
p = torch.softmax(z.detach(), dim=1)
print("autograd：", z.grad, sep="")
print("手算 softmax(z) - one_hot：", p - F.one_hot(target, 3), sep="")
print("梯度各分量之和为 0：", abs(z.grad.sum().item()) < 1e-6, sep="")

print(f"开始时：类别 2 的概率 {p[0, 2].item():.4f}")
optimizer = torch.optim.SGD([z], lr=1.0)
for step in range(5):
    optimizer.zero_grad()
    loss = loss_fn(z, target)
    loss.backward()
    optimizer.step()
    prob = torch.softmax(z.detach(), dim=1)[0, 2].item()
    print(f"第 {step + 1} 步后：类别 2 的概率 {prob:.4f}")
