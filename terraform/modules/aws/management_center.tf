resource "aws_security_group" "management_center" {
  count       = var.management_center.enabled ? 1 : 0
  name        = "${var.name}-management-center"
  description = "WedSync Grid Management Center: UI on 8081 from the given groups"
  vpc_id      = var.vpc_id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "management_center_ui" {
  for_each                     = var.management_center.enabled ? toset(var.management_center.ui_security_group_ids) : toset([])
  security_group_id            = aws_security_group.management_center[0].id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 8081
  to_port                      = 8081
  description                  = "Management Center UI"
  tags                         = local.tags
}

resource "aws_vpc_security_group_egress_rule" "management_center" {
  count             = var.management_center.enabled ? 1 : 0
  security_group_id = aws_security_group.management_center[0].id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "outbound: members, EC2 API, image pulls"
  tags              = local.tags
}

# Same role as the members: it only needs ec2:DescribeInstances to find them.
resource "aws_instance" "management_center" {
  count                  = var.management_center.enabled ? 1 : 0
  ami                    = var.management_center.ami_id
  instance_type          = var.management_center.instance_type
  subnet_id              = var.management_center.subnet_id
  vpc_security_group_ids = [aws_security_group.management_center[0].id]
  iam_instance_profile   = aws_iam_instance_profile.member.name
  user_data = templatefile("${path.module}/templates/management-center-user-data.sh.tftpl", {
    tag_key      = local.discovery_tag
    cluster_name = var.name
    member_port  = local.member_port
    image        = var.management_center.image
  })

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  tags = merge(local.tags, { Name = "${var.name}-management-center", (local.discovery_tag) = "${var.name}-management-center" })
}
