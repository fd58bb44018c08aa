# 生成随机值张量。先固定随机种子，每次运行得到的数都相同
import torch

torch.manual_seed(0)

# [0, 1) 上的均匀分布
t_rand = torch.rand(10)
print(t_rand)

# 均值为 0、标准差为 1 的标准正态分布
t_rand_nor = torch.randn(3, 3)
print(t_rand_nor)

# 指定均值和标准差的正态分布
t_rand_nor2 = torch.normal(mean=0.5, std=2, size=(3, 3))
print(t_rand_nor2)
