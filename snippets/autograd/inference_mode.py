import torch

x = torch.ones(2, 2, requires_grad=True)

# detach()：得到一个与 x 共享数据、但不在计算图中的张量
d = x.detach()
print("d:", d.requires_grad, d.data_ptr() == x.data_ptr())

# inference_mode()：比 no_grad() 更彻底的推理模式，开销更小
with torch.inference_mode():
    p = x * 2
print("p:", p.requires_grad, p.is_inference())

# inference 张量可以参与之后的运算：加法求梯度时用不到 p 的值
(x + p).sum().backward()
print("x.grad:", x.grad)

# 但不能被保存下来用于反向传播：x * p 对 x 求导需要 p 的值
try:
    x * p
except RuntimeError as e:
    print("RuntimeError:", str(e).split(".")[0])
