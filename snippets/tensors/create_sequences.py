# 生成数列：arange 按步长，linspace 按个数
import torch

print(torch.arange(5))  # 0 到 4：与 range(5) 一样，不含终点
print(torch.arange(2, 10, 3))  # 起点 2、终点 10（不含）、步长 3
print(torch.arange(0, 1, 0.25))  # 参数中有小数：得到浮点张量
print(torch.arange(1, 1.3, 0.1))  # 小数步长有舍入误差：这次终点 1.3 也在结果里
print(torch.linspace(0, 1, 5))  # 0 到 1 之间等间隔的 5 个数，两端都包含
