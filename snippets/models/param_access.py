import torch
from torch import nn

torch.manual_seed(0)  # 参数随机初始化：固定种子，打印的值才可复现
# 上一小节的例子改正后的网络：28x28 的灰度图 -> 10 个类别的分数
net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(6 * 12 * 12, 10),
)

for name, param in net.named_parameters():  # 名字形如 0.weight：层的下标、一个点、参数名
    print(name, tuple(param.shape))

print(net[4])  # 像列表一样用下标取出一层
print(net[0].bias)  # 再用属性名取出它的参数：6 个输出通道各一个偏置
print("反向传播之前的梯度：", net[0].weight.grad, sep="")

n_params = sum(p.numel() for p in net.parameters())  # numel()：张量的元素个数
print(f"参数个数：{n_params} = (6*1*5*5 + 6) + (864*10 + 10) = {(6 * 25 + 6) + (864 * 10 + 10)}")
print(list(net.state_dict().keys()))  # state_dict 的键就是这些参数名
