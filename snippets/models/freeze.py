import torch
from torch import nn

torch.manual_seed(0)  # 参数和数据都是随机的：固定种子，结果才可复现
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
net[0].requires_grad_(False)  # 冻结第 0 层：它的 weight 和 bias 都不再需要梯度
print("可训练：", [name for name, p in net.named_parameters() if p.requires_grad], sep="")

trainable = [p for p in net.parameters() if p.requires_grad]
optimizer = torch.optim.SGD(trainable, lr=0.1)  # 只把可训练的参数交给优化器

x, y = torch.randn(16, 4), torch.randn(16, 1)
frozen_before = net[0].weight.clone()
trained_before = net[2].weight.clone()

loss = nn.MSELoss()(net(x), y)
optimizer.zero_grad()
loss.backward()
print("冻结层的梯度：", net[0].weight.grad, sep="")
print("最后一层有梯度：", net[2].weight.grad is not None, sep="")
optimizer.step()
print("冻结层不变：", torch.equal(frozen_before, net[0].weight), sep="")
print("最后一层变了：", not torch.equal(trained_before, net[2].weight), sep="")
