import torch
from torch import nn

torch.manual_seed(0)  # 参数和数据都是随机的：固定种子，结果才可复现
net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(6 * 12 * 12, 10),
)
net[0].requires_grad_(False)  # 冻结卷积层：它的 weight 和 bias 都不再需要梯度
print("可训练：", [name for name, p in net.named_parameters() if p.requires_grad], sep="")

trainable = [p for p in net.parameters() if p.requires_grad]
optimizer = torch.optim.SGD(trainable, lr=0.1)  # 只把可训练的参数交给优化器

x = torch.randn(8, 1, 28, 28)  # 8 张随机的“图像”
y = torch.arange(8)  # 随便给的类别标签 0~7
conv_before = net[0].weight.clone()
fc_before = net[4].weight.clone()

loss = nn.CrossEntropyLoss()(net(x), y)
optimizer.zero_grad()
loss.backward()
print("卷积层的梯度：", net[0].weight.grad, sep="")
print("全连接层有梯度：", net[4].weight.grad is not None, sep="")
optimizer.step()
print("卷积层不变：", torch.equal(conv_before, net[0].weight), sep="")
print("全连接层变了：", not torch.equal(fc_before, net[4].weight), sep="")
