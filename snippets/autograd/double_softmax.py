# 为什么损失函数要的是 logits（二）：模型末尾再做一次 softmax，梯度被压扁
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

loss_fn = nn.CrossEntropyLoss()
target = torch.tensor([0])  # 正确类别是 0


def loss_and_grad(logits, softmax_first):
    """交叉熵对 logits 的梯度；softmax_first=True 模仿在模型末尾多做一次 softmax。"""
    z = logits.clone().requires_grad_(True)
    scores = torch.softmax(z, dim=1) if softmax_first else z
    loss = loss_fn(scores, target)
    loss.backward()
    return loss.detach(), z.grad


wrong = torch.tensor([[0.2, 2.2, -1.0]])  # 模型把这个样本错认成类别 1
for softmax_first in (False, True):
    loss, grad = loss_and_grad(wrong, softmax_first)
    name = "softmax 后再交叉熵" if softmax_first else "logits 直接交叉熵"
    print(f"{name}：损失 {loss.item():.4f}，梯度 {grad[0].numpy().round(4)}")

# 让正确类别的 logit 从 -6 变到 6（另两个固定为 0），看损失和它的梯度
Path("img").mkdir(exist_ok=True)
xs = torch.linspace(-6, 6, 121)
curves = {False: ([], []), True: ([], [])}
for x0 in xs:
    for softmax_first, (losses, grads) in curves.items():
        loss, grad = loss_and_grad(torch.tensor([[x0.item(), 0.0, 0.0]]), softmax_first)
        losses.append(loss.item())
        grads.append(grad[0, 0].item())

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
for softmax_first, (losses, grads) in curves.items():
    label = "CrossEntropyLoss(softmax(z))" if softmax_first else "CrossEntropyLoss(z)"
    style = "--" if softmax_first else "-"
    ax1.plot(xs, losses, style, label=label)
    ax2.plot(xs, grads, style, label=label)
ax1.set(xlabel="logit of the correct class (others = 0)", ylabel="loss", title="Loss")
ax2.set(xlabel="logit of the correct class (others = 0)", ylabel="d loss / d logit", title="Gradient")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig("img/autograd_double_softmax.png", dpi=120)
print(f"图中最低的损失：logits 直接 {min(curves[False][0]):.4f}，softmax 后 {min(curves[True][0]):.4f}")
print("已保存 img/autograd_double_softmax.png")
