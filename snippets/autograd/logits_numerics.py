# 为什么损失函数要的是 logits（一）：先算概率再取对数，数值会出问题
import torch
import torch.nn.functional as F

logits = torch.tensor([[1000.0, 0.0]])  # 模型非常确信是类别 0
target = torch.tensor([1])  # 可正确答案是类别 1

print("按公式 exp(z) / Σexp(z)：", logits.exp() / logits.exp().sum(), sep="")  # exp(1000) 溢出成 inf
probs = torch.softmax(logits, dim=1)  # PyTorch 先减去最大值再取指数，不会溢出
print("torch.softmax：", probs, sep="")
print("log(softmax)：", probs.log(), sep="")  # 类别 1 的概率下溢成 0，取对数得 -inf
print("log_softmax：", F.log_softmax(logits, dim=1), sep="")  # z_i - log Σexp(z_j)：-1000 算得出来

print("先 softmax 再取对数的交叉熵：", F.nll_loss(probs.log(), target), sep="")
print("F.cross_entropy(logits)：", F.cross_entropy(logits, target), sep="")
