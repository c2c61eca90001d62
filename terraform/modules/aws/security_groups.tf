resource "aws_security_group" "member" {
  name        = "${var.name}-member"
  description = "WedSync Grid members: ${local.member_port} between members and from clients, actuator from monitoring"
  vpc_id      = var.vpc_id
  tags        = local.tags
}

locals {
  # Who may reach which port: members and clients the member protocol, monitoring the actuator.
  member_ingress = merge(
    { members = { sg = aws_security_group.member.id, port = local.member_port } },
    { for i, sg in var.client_security_group_ids : "client-${i}" => { sg = sg, port = local.member_port } },
    { for i, sg in var.monitoring_security_group_ids : "monitoring-${i}" => { sg = sg, port = local.http_port } },
    var.management_center.enabled ? { management-center = { sg = aws_security_group.management_center[0].id, port = local.member_port } } : {},
  )
}

resource "aws_vpc_security_group_ingress_rule" "member" {
  for_each                     = local.member_ingress
  security_group_id            = aws_security_group.member.id
  referenced_security_group_id = each.value.sg
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  description                  = each.key
  tags                         = local.tags
}

# Members call the EC2 API (discovery), each other and, when enabled, CloudWatch and the alert webhook.
resource "aws_vpc_security_group_egress_rule" "member" {
  security_group_id = aws_security_group.member.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "outbound"
  tags              = local.tags
}
