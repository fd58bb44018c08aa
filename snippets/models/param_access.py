import torch
from torch import nn

torch.manual_seed(0)  # 参数随机初始化：固定种子，打印的值才可复现
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))

for name, param in net.named_parameters():  # 名字是“层的下标.参数名”
    print(name, tuple(param.shape))

print(net[2])  # 像列表一样用下标取出一层
print(net[2].bias)  # 再用属性名取出它的参数
print("反向传播之前的梯度：", net[0].weight.grad, sep="")  # 还没有梯度：None

n_params = sum(p.numel() for p in net.parameters())  # numel()：张量的元素个数
print(f"参数个数：{n_params} = 4*8 + 8 + 8*1 + 1 = {4 * 8 + 8 + 8 * 1 + 1}")
print(list(net.state_dict().keys()))  # state_dict 的键就是这些参数名
